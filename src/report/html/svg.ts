// Renders a Vega-Lite chart to a static SVG string in Node: vega-lite
// compiles it to Vega, and vega's headless View (renderer 'none') writes SVG
// markup with toSVG(). No canvas or browser is involved; text is measured by
// vega's estimate, which is why the font is a system one everywhere.
//
// This module pulls in vega (heavy to load); only the HTML report imports it,
// and the CLI loads that lazily (report/index.ts).

import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { Chart } from './charts.js';

/** The chart as SVG markup: scalable (its width follows the page), titled for screen readers by its description. */
export async function chartSvg(chart: Chart): Promise<string> {
  const vega = compile(chart.spec).spec;
  // No loader: every chart's data is inline, so nothing is ever fetched.
  const view = new View(parse(vega), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return accessible(svg, chart);
  } finally {
    view.finalize();
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The root <svg> as an image with a name: role="img" and aria-label (the
 * description), and no fixed size in CSS pixels beyond its viewBox, so the
 * page's stylesheet can scale it down on a phone.
 */
function accessible(svg: string, chart: Chart): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error(`internal error: vega rendered chart ${chart.id} without an <svg> root`);
  const attributes = open[0].slice(4, -1);
  const root = `<svg${attributes} role="img" aria-label="${escapeAttribute(`${chart.title}. ${chart.description}`)}" data-chart="${escapeAttribute(chart.id)}">`;
  return root + svg.slice(open[0].length);
}
