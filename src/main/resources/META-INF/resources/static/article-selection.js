// "New claim from selection": turns the reader's text selection in the article into Unicode
// code point offsets of the stored text and fills them into the new-claim form. The server
// recomputes the quote from its own copy of the text; these offsets are only a pointer.
(function () {
  'use strict';

  function codePointLength(text) {
    var count = 0;
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xDC00 && next <= 0xDFFF) {
          i++;
        }
      }
      count++;
    }
    return count;
  }

  function isSkipped(node, paragraph) {
    for (var el = node.parentNode; el && el !== paragraph; el = el.parentNode) {
      if (el.hasAttribute && el.hasAttribute('data-skip')) {
        return true;
      }
    }
    return false;
  }

  // Offset (code points, whole text) of a DOM boundary point inside a paragraph.
  function offsetOf(paragraph, container, offset) {
    var base = parseInt(paragraph.getAttribute('data-start'), 10);
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    var count = 0;
    var node;
    if (container.nodeType !== Node.TEXT_NODE) {
      // A boundary between child nodes: count the text before the offset-th child.
      var marker = container.childNodes[offset] || null;
      while ((node = walker.nextNode())) {
        if (marker && (marker === node || marker.contains(node) || (marker.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING))) {
          break;
        }
        if (!isSkipped(node, paragraph)) {
          count += codePointLength(node.nodeValue);
        }
      }
      return base + count;
    }
    while ((node = walker.nextNode())) {
      if (node === container) {
        return base + count + (isSkipped(node, paragraph) ? 0 : codePointLength(node.nodeValue.substring(0, offset)));
      }
      if (!isSkipped(node, paragraph)) {
        count += codePointLength(node.nodeValue);
      }
    }
    return base + count;
  }

  function paragraphOf(node, text) {
    for (var el = node.nodeType === Node.TEXT_NODE ? node.parentNode : node; el && el !== text; el = el.parentNode) {
      if (el.tagName === 'P' && el.hasAttribute('data-start')) {
        return el;
      }
    }
    return null;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var text = document.querySelector('.article-text');
    var form = document.getElementById('claim-from-selection');
    if (!text || !form) {
      return;
    }
    var button = form.querySelector('button');
    form.hidden = false;

    function update() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        return; // keep the last selection: clicking the button may collapse it
      }
      var range = selection.getRangeAt(0);
      var first = paragraphOf(range.startContainer, text);
      var last = paragraphOf(range.endContainer, text);
      if (!first || !last) {
        button.disabled = true;
        return;
      }
      var start = offsetOf(first, range.startContainer, range.startOffset);
      var end = offsetOf(last, range.endContainer, range.endOffset);
      if (end <= start) {
        button.disabled = true;
        return;
      }
      form.elements.start.value = start;
      form.elements.end.value = end;
      button.disabled = false;
    }

    document.addEventListener('selectionchange', update);
  });
}());
