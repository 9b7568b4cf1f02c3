"use strict";
// A chapter of the plan opened at a sentence (#p-514-3, from a search hit or a copied link): the browser
// scrolls there and site.css's :target marks it. The searched words (?q=) are marked by Pagefind's own
// highlight, loaded only when there are words. An anchor this page lacks (a cut or stale link) gets the
// page's Chinese notice, filled in as text.
(function () {
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    import("/pagefind/pagefind-highlight.js").then(function () {
      new window.PagefindHighlight({
        highlightParam: "q",
        markContext: ".plan-text",
        addStyles: false, // an injected <style> would break the site's CSP; site.css styles the class
        // Nothing excluded: a translated chapter's text is data-pagefind-ignore (left out of its language's
        // index, bake/templates/plan_chapter.html) and still holds the words a 简体 search landed on.
        markOptions: { className: "pagefind-highlight", exclude: [] },
      });
    }, function () {});
  }
  var id = "";
  try {
    id = decodeURIComponent(window.location.hash.slice(1));
  } catch (error) {
    id = window.location.hash.slice(1);
  }
  var notice = document.getElementById("anchor-missing");
  if (id && notice && !document.getElementById(id)) {
    notice.textContent = notice.dataset.template.replace("{anchor}", id.slice(0, 40));
    notice.hidden = false;
  }
})();
