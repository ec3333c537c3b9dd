// Listen (easy_read/components/listen.html): the browser's own speech reads an easy-read page
// aloud, one row at a time, and outlines the row being read. Nothing leaves the reader's device.
// The button words are in the template's data attributes. The script is linked on every page and
// does nothing on a page without the Listen controls, or in a browser that cannot speak (the
// controls then stay hidden). A file, not inline code: the site's Content-Security-Policy.
(function () {
  "use strict";

  // Read as one: a row (picture and words), a heading, a paragraph, a list item, a hard word.
  var READ_AS_ONE = ".er-row, .er-hard-words__item, h1, h2, h3, h4, h5, h6, p, li, dt, dd, tr, caption, figcaption";
  // Never read: "Easy read" above the title, the controls, links to the other version, pictures,
  // what screen readers skip.
  var NOT_READ = "[hidden], [aria-hidden='true'], script, style, template, svg, img, nav, .er-listen, " +
    ".er-easy-header__label, .er-easy-header__part-of, .er-version-link, .er-row__picture, .headerlink, " +
    ".md-source-file, .md-content__button";
  var READING = "er-listen-reading";

  var speech = window.speechSynthesis;
  if (!speech || typeof window.SpeechSynthesisUtterance !== "function") return;

  var state = "idle"; // idle | playing | paused
  var session = 0; // a new one for every start and stop, so that a late "end" event of an old row is ignored
  var rows = [];
  var position = 0;
  var reading = null;
  var utterance = null; // held here: Chrome drops the events of an utterance nothing refers to

  function controls() {
    return document.querySelector("[data-er-listen]");
  }

  function isShown(element) {
    return !element.closest(NOT_READ) && element.getClientRects().length > 0;
  }

  function collect(element, found) {
    for (var child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (child.matches(NOT_READ)) continue;
      if (child.matches(READ_AS_ONE)) {
        if (isShown(child) && spokenText(child)) found.push(child);
      } else {
        collect(child, found);
      }
    }
    return found;
  }

  function spokenText(element) {
    var parts = [];
    (function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) parts.push(child.data);
        else if (child.nodeType === Node.ELEMENT_NODE && !child.matches(NOT_READ)) {
          walk(child);
          if (getComputedStyle(child).display.indexOf("inline") !== 0) parts.push(" "); // between blocks
        }
      }
    })(element);
    return parts.join("").replace(/\s+/g, " ").trim();
  }

  function highlight(row) {
    if (reading) reading.classList.remove(READING);
    reading = row;
    if (!row) return;
    row.classList.add(READING);
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    row.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
  }

  function show() {
    var box = controls();
    if (!box) return;
    var main = box.querySelector("[data-er-listen-main]");
    var stop = box.querySelector("[data-er-listen-stop]");
    var word = { idle: "listen", playing: "pause", paused: "resume" }[state];
    box.querySelector("[data-er-listen-words]").textContent = main.getAttribute("data-er-word-" + word);
    if (state === "idle" && document.activeElement === stop) main.focus();
    stop.hidden = state === "idle";
  }

  function speakNext(current) {
    if (current !== session) return;
    if (position >= rows.length) {
      stop();
      return;
    }
    var row = rows[position];
    utterance = new window.SpeechSynthesisUtterance(spokenText(row));
    utterance.lang = document.documentElement.lang || "";
    utterance.onstart = function () {
      if (current === session) highlight(row);
    };
    utterance.onend = function () {
      if (current !== session) return;
      position += 1;
      speakNext(current);
    };
    utterance.onerror = function (event) {
      if (current !== session || event.error === "interrupted" || event.error === "canceled") return;
      stop();
    };
    highlight(row);
    speech.speak(utterance);
  }

  function start() {
    rows = collect(document.querySelector(".md-content__inner") || document.body, []);
    if (!rows.length) return;
    speech.cancel();
    if (speech.paused) speech.resume();
    session += 1;
    position = 0;
    state = "playing";
    show();
    speakNext(session);
  }

  function pause() {
    speech.pause();
    state = "paused";
    show();
  }

  function resume() {
    speech.resume();
    state = "playing";
    show();
  }

  function stop() {
    session += 1;
    if (state !== "idle") speech.cancel();
    state = "idle";
    highlight(null);
    show();
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target || !controls()) return;
    if (target.closest("[data-er-listen-main]")) {
      if (state === "idle") start();
      else if (state === "playing") pause();
      else resume();
    } else if (target.closest("[data-er-listen-stop]")) {
      stop();
    }
  });

  // Escape stops reading, wherever keyboard focus is.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state !== "idle") stop();
  });

  window.addEventListener("pagehide", function () {
    if (state !== "idle") stop();
  });

  function setUp() {
    if (state !== "idle") stop(); // Material's instant navigation: a new page
    var box = controls();
    if (box) box.hidden = false;
  }

  // Material's instant navigation replaces the page without loading this script again.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
  else setUp();
})();
