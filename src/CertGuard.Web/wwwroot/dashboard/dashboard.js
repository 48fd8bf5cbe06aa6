// Draws the campaign dashboard with the vendored Apache ECharts (full build: the map series) and the map of
// Guangdong's 21 cities (/lib/geo/guangdong.json). Each chart's data comes in its element's data-dashboard-json;
// the table beside it carries the same numbers for screen readers and export. A null value is "no data" (暂无数据),
// drawn grey on the map and as a gap elsewhere, never as 0.
(() => {
  'use strict';
  const palette = ['#1f5fae', '#b3261e', '#2e7d32', '#8a5a00', '#6a3d9a', '#00697a'];
  const charts = [];
  const show = (data, v) => (v === null || v === undefined ? data.noData : v + (data.unit === '%' ? '%' : ''));
  const axisLabel = (data) => ({ formatter: '{value}' + (data.unit === '%' ? '%' : '') });

  function map(element, data, geo) {
    self.echarts.registerMap('guangdong', geo);
    const values = data.items.map((i) => i.value).filter((v) => v !== null);
    // From the lowest value to the highest, so close figures still differ in shade.
    const max = values.length ? Math.max(...values) : 0;
    const min = values.length > 1 ? Math.min(...values) : 0;
    return {
      tooltip: { trigger: 'item', formatter: (p) => `${p.data ? p.data.label : p.name}<br>${data.name}：${show(data, p.data ? p.data.value : null)}` },
      visualMap: {
        type: 'continuous', min, max: max > min ? max : min + 1,
        calculable: false, left: 8, bottom: 8, itemHeight: 90, text: [show(data, max), show(data, min)],
        inRange: { color: ['#e3edf9', '#8fb3df', '#1f5fae'] }, show: values.length > 0,
      },
      series: [{
        type: 'map', map: 'guangdong', nameProperty: 'code', roam: false, selectedMode: false,
        label: { show: true, fontSize: 10, color: '#1d2733', formatter: (p) => (p.data ? p.data.label : '') },
        itemStyle: { areaColor: '#eceff3', borderColor: '#fff', borderWidth: 1 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f3c969' } },
        data: data.items.map((i) => ({ name: i.code, label: i.name, value: i.value })),
      }],
    };
  }

  function cartesian(data, kind, horizontal) {
    const category = { type: 'category', data: data.categories, axisLabel: { hideOverlap: true }, inverse: horizontal };
    const value = { type: 'value', minInterval: 1, max: data.unit === '%' ? 100 : undefined, axisLabel: axisLabel(data) };
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => show(data, v) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [{ name: data.name, type: kind, data: data.values, connectNulls: false, barMaxWidth: 28, symbolSize: 6 }],
    };
  }

  async function draw(element) {
    const data = JSON.parse(element.dataset.dashboardJson);
    let option;
    if (data.kind === 'map') {
      const response = await fetch(data.geo, { credentials: 'same-origin' });
      option = map(element, data, await response.json());
    } else {
      option = cartesian(data, data.kind === 'line' ? 'line' : 'bar', data.kind === 'ranking');
    }
    const chart = self.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({ color: palette, animation: false, ...option });
    element.dataset.drawn = 'true';
    charts.push(chart);
  }

  Promise.all([...document.querySelectorAll('[data-dashboard-json]')].map(draw)).catch((e) => console.error(e));
  addEventListener('resize', () => charts.forEach((c) => c.resize()));
})();
