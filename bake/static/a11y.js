"use strict";
// 大字号 / 高对比 (lib/present/display.py), kept in localStorage; loaded in the head without defer, so the
// class is on <html> before the first paint. Why and how: docs/code.md, "Keyboard readout, 大字号 / 高对比".
(function () {
  var KEY = "cq-display", root = document.documentElement, script = document.currentScript;
  var config = JSON.parse((script && script.getAttribute("data-chart-config")) || "{}");
  var modes = [];
  try {
    modes = (localStorage.getItem(KEY) || "").split(",").filter(function (m) { return m in config; });
  } catch (e) { /* storage refused: no choice kept, nothing breaks */ }
  function on(mode) { return modes.indexOf(mode) >= 0; }
  function apply() {
    Object.keys(config).forEach(function (m) { root.classList.toggle("display-" + m, on(m)); });
    document.querySelectorAll("[data-display-mode]").forEach(function (b) { b.setAttribute("aria-pressed", String(on(b.getAttribute("data-display-mode")))); });
  }
  function merge(base, over) {
    var out = {};
    Object.keys(base).forEach(function (k) { out[k] = base[k]; });
    Object.keys(over).forEach(function (k) {
      var v = over[k];
      out[k] = v && typeof v === "object" && out[k] && typeof out[k] === "object" ? merge(out[k], v) : v;
    });
    return out;
  }
  apply();
  // site.js: a chart's own config would win over one handed to vega.parse, so the modes go into it.
  window.cqDisplay = { restyle: function (spec) { modes.forEach(function (m) { spec.config = merge(spec.config || {}, config[m]); }); } };
  function wire() {
    document.querySelectorAll("[data-display-mode]").forEach(function (b) {
      b.addEventListener("click", function () {
        var m = b.getAttribute("data-display-mode");
        modes = on(m) ? modes.filter(function (x) { return x !== m; }) : modes.concat([m]);
        try { localStorage.setItem(KEY, modes.join(",")); } catch (e) { /* this page only */ }
        apply();
        document.dispatchEvent(new CustomEvent("cq-display"));
      });
    });
    apply();
    document.querySelectorAll(".display-switch").forEach(function (box) { box.hidden = false; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
