"use strict";
// Pagefind's own interface over the index it wrote at bake time (/pagefind/); ?q= opens with a search.
// A hit lands on its sentence: Pagefind's sub-results link to a heading (a section), so each is pointed
// instead at a sentence (<span id="p-…">, an anchor Pagefind records with its text and word position)
// among those holding its matched words: the one with the most searched words as typed, then the most
// matched words, the first such. The app's search lands the same way (lib/plan/search.py).
// highlightParam "q" adds the words as ?q=, which the page marks with Pagefind's highlight (plan.js).
(function () {
  function sentenceOf(anchors, location) {
    var found = null;
    for (var i = 0; i < anchors.length && anchors[i].location <= location; i++) found = anchors[i];
    return found;
  }

  function occurrences(text, words) {
    var count = 0;
    words.forEach(function (word) {
      if (word) count += text.toLowerCase().split(word.toLowerCase()).length - 1;
    });
    return count;
  }

  function landing(anchors, locations, words) {
    var counts = {};
    var order = [];
    locations.forEach(function (location) {
      var sentence = sentenceOf(anchors, location);
      if (!sentence) return;
      if (!counts[sentence.id]) order.push(sentence);
      counts[sentence.id] = (counts[sentence.id] || 0) + 1;
    });
    var best = null;
    var bestScore = [-1, -1];
    order.forEach(function (sentence) {
      var score = [occurrences(sentence.text || "", words), counts[sentence.id]];
      if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
        best = sentence;
        bestScore = score;
      }
    });
    return best;
  }

  // The words as typed ride along as ?q= (Pagefind would send its own segments: 万, 州, 机场), the same
  // link the app's search gives: /plan/11/?q=万州机场#p-514-3.
  function land(url, id, words) {
    var query = words.map(function (word) { return "q=" + encodeURIComponent(word); }).join("&");
    return url.split(/[?#]/)[0] + (query ? "?" + query : "") + "#" + id;
  }

  function typedWords() {
    var input = document.querySelector("#search .pagefind-ui__search-input");
    return (input ? input.value : "").split(/\s+/).filter(Boolean);
  }

  function processResult(result) {
    var words = typedWords();
    var anchors = (result.anchors || [])
      .filter(function (a) { return /^p-\d+-\d+$/.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    if (!anchors.length) return result;
    (result.sub_results || []).forEach(function (sub) {
      var sentence = landing(anchors, sub.locations || [], words);
      if (sentence) sub.url = land(sub.url, sentence.id, words);
    });
    var first = landing(anchors, result.locations || [], words);
    if (first) result.url = land(result.url, first.id, words);
    return result;
  }

  window.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    var ui = new window.PagefindUI({
      element: "#search",
      // The page's own words for Pagefind's interface, in its language (bake/templates/search.html); Pagefind
      // loads the index of the page's <html lang> by itself: /en/search/ searches the English pages.
      translations: JSON.parse(box.dataset.translations || "{}"),
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      highlightParam: "q",
      processResult: processResult,
    });
    // Pagefind's input carries only a title; a screen reader needs a label, in the page's language.
    var input = document.querySelector("#search .pagefind-ui__search-input");
    if (input) input.setAttribute("aria-label", box.dataset.label);
    var words = new URLSearchParams(window.location.search).get("q");
    if (words) ui.triggerSearch(words);
  });
})();
