// Glossary meanings (WCAG 1.4.13, content on hover or focus). glossary.css shows a term's
// meaning while the pointer or keyboard focus is on the term or on the meaning; this adds:
// - Escape closes the open meaning, and focus stays where it was;
// - a first tap on a term shows its meaning, a second tap follows the link;
// - the meaning is kept on the screen, even in a table that scrolls sideways.
// Without JavaScript the term is a link to its glossary entry, and the CSS still works.
// Loaded as a file: the site's Content-Security-Policy runs no inline script.
(function () {
  "use strict";

  var BOX = ".er-gloss";
  var OPEN = "data-er-open";
  var DISMISSED = "data-er-dismissed";
  var ABOVE = "data-er-above";
  var MARGIN = 8;
  var lastPointer = "";
  var openBeforeTap = null;

  function boxOf(target) {
    return target instanceof Element ? target.closest(BOX) : null;
  }

  function meaningOf(box) {
    return box.querySelector(".er-term__means");
  }

  function isShown(box) {
    var meaning = meaningOf(box);
    return Boolean(meaning) && meaning.getClientRects().length > 0;
  }

  // Shown anew: forget an earlier Escape, and place the meaning.
  function show(box) {
    box.removeAttribute(DISMISSED);
    place(box);
    window.requestAnimationFrame(function () { place(box); });
  }

  // Just below the term (above it if there is no room below), inside the screen's width,
  // and fixed to the screen so that a table's scroll box does not cut it off.
  function place(box) {
    var meaning = meaningOf(box);
    var term = box.querySelector("a.er-term");
    var line = term && term.getClientRects()[0];
    if (!meaning || !line) return;
    var gap = parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.4;
    var width = document.documentElement.clientWidth;
    var height = meaning.offsetHeight;
    var above = height > 0 && line.bottom + gap + height > window.innerHeight && line.top - gap - height >= 0;
    meaning.style.position = "fixed";
    meaning.style.top = (above ? line.top - gap - height : line.bottom + gap) + "px";
    meaning.style.left = Math.max(MARGIN, Math.min(line.left, width - MARGIN - meaning.offsetWidth)) + "px";
    box.toggleAttribute(ABOVE, above);
  }

  function closeAll(except) {
    document.querySelectorAll(BOX + "[" + OPEN + "]").forEach(function (box) {
      if (box !== except) box.removeAttribute(OPEN);
    });
  }

  document.addEventListener("keydown", function (event) {
    lastPointer = "";
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var closed = false;
    document.querySelectorAll(BOX).forEach(function (box) {
      if (isShown(box)) {
        box.removeAttribute(OPEN);
        box.setAttribute(DISMISSED, "");
        closed = true;
      }
    });
    if (closed) event.preventDefault();
  });

  function placeShown() {
    document.querySelectorAll(BOX).forEach(function (box) {
      if (isShown(box)) place(box);
    });
  }
  window.addEventListener("scroll", placeShown, { capture: true, passive: true });
  window.addEventListener("resize", placeShown);

  document.addEventListener("pointerover", function (event) {
    var box = boxOf(event.target);
    if (box && !box.contains(event.relatedTarget)) show(box);
  });

  document.addEventListener("focusin", function (event) {
    var box = boxOf(event.target);
    if (box) show(box);
  });

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    var box = boxOf(event.target);
    openBeforeTap = box && box.hasAttribute(OPEN) ? box : null;
    closeAll(box);
  });

  // A touch screen has no hover: the first tap on a term shows its meaning.
  document.addEventListener("click", function (event) {
    var box = boxOf(event.target);
    if (!box || event.detail === 0 || lastPointer !== "touch" || openBeforeTap === box) return;
    if (!event.target.closest("a.er-term")) return;
    event.preventDefault();
    box.setAttribute(OPEN, "");
    show(box);
  });
})();
