"use strict";
// Draws every chart on the page with Vega (window.vega, /assets/vega.js) over its bake-time SVG.
// The specs are Vega already (compiled from the app's Vega-Lite at bake time). The SVG stays if
// anything fails, so a chart is never lost; no inline script or injected style, so a strict CSP holds.
// The bundle (named by this script's data-bundle) is loaded only after the load event: the page,
// whole with its SVG pictures, does not wait for 512 KB of script to be compiled
// (bench/bake_bench.py); with JavaScript off it is never fetched.
(function () {
  var bundle = (document.currentScript && document.currentScript.getAttribute("data-bundle")) || "/assets/vega.js";
  function draw(holder) {
    var picture = holder.querySelector("img");
    var target = document.createElement("div");
    target.className = "vega-target";
    fetch(holder.getAttribute("data-spec"))
      .then(function (response) {
        if (!response.ok) throw new Error("spec " + response.status);
        return response.json();
      })
      .then(function (spec) {
        if (holder.getAttribute("data-fit") === "step") {
          // A height of a step per bar (the ranking) cannot fit a container: give it the column's width.
          spec.width = Math.max(200, holder.clientWidth - 220);
        }
        holder.appendChild(target);
        // hover: the marks' hover states; a tooltip is the browser's own (the title attribute).
        // 大字号 / 高对比 (bake/static/a11y.js): the reader's modes laid over the chart's own config.
        if (window.cqDisplay) window.cqDisplay.restyle(spec);
        var view = new window.vega.View(window.vega.parse(spec), { renderer: "svg", container: target, hover: true });
        return view.runAsync();
      })
      .then(function () {
        if (picture) picture.remove();
        holder.classList.add("drawn");
      })
      .catch(function (error) {
        target.remove();
        holder.classList.add("static");
        console.info("图表以静态图显示：", error && error.message);
      });
  }
  function charts() {
    return document.querySelectorAll(".vega[data-spec]");
  }
  function start() {
    if (!charts().length) return;
    var script = document.createElement("script");
    script.src = bundle;
    script.onload = function () {
      if (window.vega && typeof window.vega.View === "function") charts().forEach(draw);
    };
    script.onerror = function () {
      charts().forEach(function (holder) { holder.classList.add("static"); });
    };
    document.head.appendChild(script);
  }
  // 大字号 / 高对比 switched (a11y.js): each chart drawn again with the new modes.
  document.addEventListener("cq-display", function () {
    if (!window.vega) return;
    charts().forEach(function (holder) {
      var drawn = holder.querySelector(".vega-target");
      if (drawn) {
        drawn.remove();
        draw(holder);
      }
    });
  });
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
