"use strict";
// Pagefind's own interface over the index it wrote at bake time (/pagefind/); ?q= opens with a search.
window.addEventListener("DOMContentLoaded", function () {
  var ui = new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
  // Pagefind names its box only by title, which axe's label-title-only rejects (tests/browser/test_a11y.py).
  var box = document.querySelector("#search input");
  if (box) box.setAttribute("aria-label", "检索本站");
  var words = new URLSearchParams(window.location.search).get("q");
  if (words) ui.triggerSearch(words);
});
