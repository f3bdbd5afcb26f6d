// htmx does not swap error responses by default. A form refused with 400 comes back with its
// messages and every typed value, so let htmx show it in place when the swap target asks for
// that with data-swap-refusal. A form whose security token expired comes back as a whole page that
// keeps the typed text, with HX-Retarget: body, and replaces the page. Other errors keep htmx's default.
(function () {
  'use strict';
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    var wholePage = event.detail.xhr.getResponseHeader('HX-Retarget') === 'body';
    if (event.detail.xhr.status === 400 && target && (wholePage || target.hasAttribute('data-swap-refusal'))) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
}());
