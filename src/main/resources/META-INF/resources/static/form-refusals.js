// htmx does not swap error responses by default. A form refused with 400 comes back with its
// messages and every typed value, so let htmx show it in place when the swap target asks for
// that with data-swap-refusal. Other errors keep htmx's default.
(function () {
  'use strict';
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (event.detail.xhr.status === 400 && target && target.hasAttribute('data-swap-refusal')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
}());
