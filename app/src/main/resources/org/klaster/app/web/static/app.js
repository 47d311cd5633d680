// Klaster workbench: progressive enhancement only. Pages work without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // htmx: show inline validation errors (422) instead of dropping them
  function configureHtmx() {
    if (!window.htmx) return;
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "4..", swap: true },
      { code: "[45]..", swap: false, error: true }
    ];
  }

  function fmt(v, locale, unit) {
    if (v === null || v === undefined || v === "-") return "—";
    var s = typeof v === "number" ? v.toLocaleString(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 2 }) : String(v);
    return unit ? s + " " + unit : s;
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }

  function initCharts(root) {
    if (!window.echarts) return;
    (root || document).querySelectorAll(".chart[data-chart]").forEach(function (el) {
      if (el.dataset.ready) return;
      var opt;
      try { opt = JSON.parse(el.getAttribute("data-chart")); } catch (e) { return; }
      var unit = opt.unit, locale = opt.locale;
      delete opt.unit; delete opt.locale;
      if (opt.tooltip) opt.tooltip.valueFormatter = function (v) { return fmt(v, locale, unit); };
      if (opt.tooltipXY) { // scatter: "name / x: … / y: …", names escaped (they come from data files)
        var xy = opt.tooltipXY;
        delete opt.tooltipXY;
        opt.tooltip.formatter = function (p) {
          return esc(p.name) + "<br>" + esc(xy[0]) + ": " + fmt(p.value[0], locale) + "<br>" + esc(xy[1]) + ": " + fmt(p.value[1], locale);
        };
      }
      if (opt.tooltipGraph) { // product space: a node is "code · name (held or not): world exports", an edge "a – b: φ"
        var phi = opt.tooltipGraph[0], labels = opt.labels || {};
        delete opt.tooltipGraph; delete opt.labels;
        var lab = function (code) { return labels[code] || code; };
        opt.tooltip.formatter = function (p) {
          if (p.dataType === "edge") return esc(lab(p.data.source)) + "<br>" + esc(lab(p.data.target)) + "<br>" + esc(phi) + ": " + fmt(p.value, locale);
          return "<strong>" + esc(p.data.full || p.name) + "</strong><br>" + esc(p.data.category === 0 ? opt.legend.data[0] : opt.legend.data[1])
            + "<br>" + esc(opt.worldLabel || "") + " " + fmt(p.value, locale, unit);
        };
      }
      if (opt.tooltipText) { // the registry's network: tooltips are texts made on the server, escaped here
        delete opt.tooltipText;
        opt.tooltip.formatter = function (p) {
          return p.data && p.data.tip ? esc(p.data.tip).replace(/\n/g, "<br>") : esc(p.name);
        };
      }
      if (opt.seriesUnits) { // one unit per series (a cluster over its years: money, a count, %)
        var units = opt.seriesUnits;
        delete opt.seriesUnits;
        opt.tooltip.formatter = function (ps) {
          var out = esc(ps[0].axisValueLabel);
          ps.forEach(function (p) {
            var v = p.data !== null && typeof p.data === "object" ? p.data.value : p.data;
            out += "<br>" + p.marker + esc(p.seriesName) + ": " + fmt(v, locale, units[p.seriesIndex]);
            if (p.data && p.data.verdict) out += " · " + esc(p.data.verdict);
          });
          return out;
        };
      }
      var axes = [].concat(opt.yAxis || [], opt.xAxis || []);
      axes.forEach(function (ax) {
        if (ax.type === "value") ax.axisLabel = Object.assign({}, ax.axisLabel, { formatter: function (v) { return fmt(v, locale); } });
      });
      opt.textStyle = { fontFamily: getComputedStyle(document.body).fontFamily };
      opt.aria = { enabled: true };
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(opt);
      el.dataset.ready = "1";
      new ResizeObserver(function () { chart.resize(); }).observe(el);
    });
  }

  // selects marked data-autosubmit submit their form on change (the button is for no-JS users)
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t.matches && t.matches("select[data-autosubmit], input[type=checkbox][data-autosubmit]") && t.form) t.form.submit();
  });

  // htmx posts send their form's CSRF token as a header too: the server checks it without reading the upload
  document.addEventListener("htmx:configRequest", function (e) {
    var elt = e.detail.elt, form = elt && elt.closest ? elt.closest("form") : null;
    var field = form && form.querySelector('input[name="_csrf"]');
    if (field && e.detail.verb !== "get") e.detail.headers["X-CSRF-Token"] = field.value;
  });

  document.addEventListener("DOMContentLoaded", function () {
    configureHtmx();
    initCharts(document);
  });
  document.addEventListener("htmx:afterSettle", function (e) { initCharts(e.target); });
})();
