// Provenance graph: focusing or hovering an article highlights the arrows that touch it.
// Everything else on the pages works without this script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const svg of document.querySelectorAll('svg[data-graph="provenance"]')) {
    const nodes = Array.from(svg.querySelectorAll("a.node"));
    const edges = Array.from(svg.querySelectorAll("line.edge"));
    const centre = (node) => {
      const box = node.querySelector("rect");
      return { x: +box.getAttribute("x"), y: +box.getAttribute("y"),
               w: +box.getAttribute("width"), h: +box.getAttribute("height") };
    };
    const touches = (edge, b) => {
      const near = (x, y) => x >= b.x - 1 && x <= b.x + b.w + 1 && y >= b.y - 1 && y <= b.y + b.h + 1;
      return near(+edge.getAttribute("x1"), +edge.getAttribute("y1")) ||
             near(+edge.getAttribute("x2"), +edge.getAttribute("y2"));
    };
    const show = (node, on) => {
      node.classList.toggle("active", on);
      const b = centre(node);
      for (const edge of edges) if (touches(edge, b)) edge.classList.toggle("active", on);
    };
    for (const node of nodes) {
      for (const [event, on] of [["mouseenter", true], ["mouseleave", false], ["focus", true], ["blur", false]]) {
        node.addEventListener(event, () => show(node, on));
      }
    }
  }
});
