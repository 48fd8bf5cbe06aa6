// Draws each workbench chart with the vendored Apache ECharts (/lib/echarts). The data comes in the element's
// data-chart-json; the table beside the chart carries the same numbers for screen readers and export.
(() => {
  'use strict';
  const palette = ['#1f5fae', '#b3261e', '#2e7d32', '#8a5a00', '#6a3d9a', '#00697a', '#5d4037'];
  const charts = [];
  for (const element of document.querySelectorAll('[data-chart-json]')) {
    const data = JSON.parse(element.dataset.chartJson);
    const chart = self.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      color: palette,
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : v + data.unit) },
      legend: { show: data.series.length > 1, bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 16, bottom: data.series.length > 1 ? 40 : 8, containLabel: true },
      xAxis: { type: 'category', data: data.categories, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, max: data.unit === '%' ? 100 : undefined, axisLabel: { formatter: '{value}' + data.unit } },
      series: data.series.map((s) => ({
        name: s.name, type: data.kind, data: s.values, stack: data.stacked ? 'all' : undefined,
        connectNulls: true, barMaxWidth: 32, symbolSize: 6,
      })),
    });
    element.dataset.drawn = 'true';
    charts.push(chart);
  }
  addEventListener('resize', () => charts.forEach((c) => c.resize()));
})();
