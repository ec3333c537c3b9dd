// The light/dark switch (theme/templates/partials/palette.html): each scheme's button
// selects the next scheme's radio, which Material's own script applies; it then shows the
// new scheme's button, and keyboard focus moves to it. Loaded as a file: the site's
// Content-Security-Policy runs no inline script.
(function () {
  "use strict";

  function switchOf(target) {
    return target instanceof Element ? target.closest("[data-er-palette-next]") : null;
  }

  document.addEventListener("click", function (event) {
    var button = switchOf(event.target);
    var next = button && document.getElementById(button.getAttribute("data-er-palette-next"));
    if (!next) return;
    var hadFocus = document.activeElement === button;
    next.checked = false; // a radio the browser restored as checked would not change
    next.click();
    var shown = button.form && button.form.querySelector("[data-er-palette-next]:not([hidden])");
    if (hadFocus && shown && shown !== button) shown.focus();
  });

  // Enter activates the button itself; Material's handler on the form would switch twice.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && switchOf(event.target)) event.stopPropagation();
  }, true);
})();
