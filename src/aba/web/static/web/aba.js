// Keyboard shortcuts and small helpers; everything works without them.
(function () {
  "use strict";
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
    if (e.key === "l" || e.key === "L") {
      var link = document.querySelector("a[accesskey='l']");
      if (link) { e.preventDefault(); window.location.href = link.href; }
    } else if (e.key === "/") {
      var search = document.querySelector("[data-search]");
      if (search) { e.preventDefault(); search.focus(); }
    }
  });
  // "Use aba's reading" in the commitments editor: drop the rep's corrections.
  document.addEventListener("click", function (e) {
    var btn = e.target.closest("[data-clear]");
    if (!btn) return;
    var target = document.querySelector(btn.getAttribute("data-clear"));
    if (target) { target.innerHTML = ""; }
    var focus = document.querySelector(btn.getAttribute("data-focus") || "#id_notes");
    if (focus) focus.focus();
  });
  // Copy buttons (the calendar address).
  document.addEventListener("click", function (e) {
    var btn = e.target.closest("[data-copy]");
    if (!btn || !navigator.clipboard) return;
    var src = document.querySelector(btn.getAttribute("data-copy"));
    navigator.clipboard.writeText(src.value || src.textContent).then(function () {
      btn.textContent = "Copied";
    });
  });
})();
