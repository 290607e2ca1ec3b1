/* parkgov pages: charts from JSON blocks, HTMX error display. No CDN, no build. */
(function () {
  "use strict";
  var COLORS = { green: "#2e7d32", yellow: "#d99a00", red: "#c62828", grey: "#9aa5b1", blue: "#1d5fa8" };

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function go(url) { if (url) { window.location.href = url; } }

  var builders = {
    completion: function (d) {
      return {
        grid: { left: 8, right: 40, top: 34, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : v + "%"; } },
        xAxis: { type: "value", axisLabel: { formatter: "{value}%" }, max: function (v) { return Math.max(110, Math.ceil(v.max / 10) * 10); } },
        yAxis: { type: "category", inverse: true, data: d.rows.map(function (r) { return r.name; }), axisLabel: { width: 110, overflow: "truncate" } },
        series: [{
          type: "bar", name: "完成率", barMaxWidth: 18,
          data: d.rows.map(function (r) { return { value: r.value, url: r.url, itemStyle: { color: COLORS[r.light] || COLORS.grey } }; }),
          label: { show: true, position: "right", formatter: function (p) { return p.value == null ? "" : p.value + "%"; } },
          markLine: { symbol: "none", lineStyle: { color: COLORS.red, type: "dashed", width: 2 },
            label: { formatter: "序时进度 " + d.time_progress + "%", position: "start", color: COLORS.red }, data: [{ xAxis: d.time_progress }] }
        }]
      };
    },
    lights: function (d) {
      var names = { green: "绿灯", yellow: "黄灯", red: "红灯", grey: "未评价" };
      var keys = ["green", "yellow", "red", "grey"];
      return {
        tooltip: { trigger: "axis" }, legend: { top: 0 },
        grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: d.groups.map(function (g) { return g.label; }) },
        yAxis: { type: "value", minInterval: 1 },
        series: keys.map(function (k) {
          return { name: names[k], type: "bar", stack: "all", itemStyle: { color: COLORS[k] }, barMaxWidth: 48,
            label: { show: true, formatter: function (p) { return p.value ? p.value : ""; } },
            data: d.groups.map(function (g) { return { value: g.counts[k], url: g.urls[k] }; }) };
        })
      };
    },
    investment: function (d) {
      return {
        tooltip: { trigger: "axis" }, legend: { top: 0 },
        grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: d.months },
        yAxis: d.series.some(function (s) { return s.axis; })
          ? [{ type: "value", name: d.unit }, { type: "value", name: "%", splitLine: { show: false } }]
          : [{ type: "value", name: d.unit }],
        series: d.series.map(function (s) {
          return { name: s.name, type: s.type || "line", yAxisIndex: s.axis || 0, data: s.data, smooth: false,
            lineStyle: s.dashed ? { type: "dashed" } : undefined, itemStyle: s.color ? { color: s.color } : undefined };
        })
      };
    },
    ranking: function (d) {
      return {
        grid: { left: 8, right: 40, top: 10, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis" },
        xAxis: { type: "value", max: 100 },
        yAxis: { type: "category", inverse: true, data: d.rows.map(function (r) { return r.rank + ". " + r.unit; }), axisLabel: { width: 110, overflow: "truncate" } },
        series: [{ type: "bar", name: "得分", barMaxWidth: 16, label: { show: true, position: "right" },
          data: d.rows.map(function (r) { return { value: r.score, url: r.url, itemStyle: { color: r.bottom ? COLORS.red : COLORS.blue } }; }) }]
      };
    }
  };

  function drawCharts() {
    if (!window.echarts) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.drawn) { return; }
      var d = data(el.dataset.source);
      var build = builders[el.dataset.chart];
      if (!d || !build) { return; }
      el.dataset.drawn = "1";
      if (d.rows && (el.dataset.chart === "completion" || el.dataset.chart === "ranking")) {
        el.style.height = Math.max(el.clientHeight, d.rows.length * 26 + 70) + "px";
      }
      var chart = window.echarts.init(el, null, { renderer: "svg" });
      chart.setOption(build(d));
      chart.on("click", function (p) { if (p.data && p.data.url) { go(p.data.url); } });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    document.querySelectorAll("select[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
    document.body.addEventListener("htmx:responseError", function (e) {
      var flash = document.getElementById("flash");
      if (flash) { flash.innerHTML = e.detail.xhr.responseText || '<div class="flash error">操作失败，请稍后重试</div>'; }
    });
    document.body.addEventListener("htmx:afterSwap", drawCharts);
  });
})();
