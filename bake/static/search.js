"use strict";
// Pagefind's own interface over the index it wrote at bake time (/pagefind/); ?q= opens with a search.
window.addEventListener("DOMContentLoaded", function () {
  var ui = new window.PagefindUI({ element: "#search", showSubResults: true, showImages: false, resetStyles: false });
  var words = new URLSearchParams(window.location.search).get("q");
  if (words) ui.triggerSearch(words);
});
