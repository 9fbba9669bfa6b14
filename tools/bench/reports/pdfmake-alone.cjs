// Child process of bench-reports.ts: "pdfmake alone". It runs like the worker (the same built
// modules from dist/worker, the same node flags) but only renders: it is sent a report's data
// once, and on each request builds the finished document definition (not timed — pdfmake
// mutates a definition, so each render gets a fresh one) and times two renders of it, in
// alternating order: pdfmake as shipped (`renderPdfAsShipped`: the fonts' bytes parsed by each
// document) and the worker's engine alone (`renderPdf`: fonts parsed once per process).
const { join } = require('node:path');

const dist = process.argv[2];
const render = (file) => require(join(dist, 'libs', 'reporting', 'src', 'render', file));
const { renderPdf, renderPdfAsShipped, deniedAccess } = render('pdf-engine.js');
const documents = {
  school: render('school-report.document.js').schoolReportDocument,
  region: render('region-report.document.js').regionReportDocument,
};
const data = {};
let renders = 0;

process.on('message', async (message) => {
  try {
    if (message.type === 'data') {
      data[message.kind] = message.data;
      process.send({ type: 'ok' });
    } else if (message.type === 'render') {
      const timed = async (fn) => {
        const definition = documents[message.kind](data[message.kind]);
        const start = process.hrtime.bigint();
        const pdf = await fn(definition);
        return { ms: Number(process.hrtime.bigint() - start) / 1e6, pdf };
      };
      renders += 1;
      const shippedFirst = renders % 2 === 1;
      const first = await timed(shippedFirst ? renderPdfAsShipped : renderPdf);
      const second = await timed(shippedFirst ? renderPdf : renderPdfAsShipped);
      const [shipped, engine] = shippedFirst ? [first, second] : [second, first];
      process.send({ type: 'rendered', ms: shipped.ms, engineMs: engine.ms, pdf: message.keep ? engine.pdf : null, bytes: shipped.pdf.length, engineBytes: engine.pdf.length, denied: deniedAccess.length });
    }
  } catch (error) {
    process.send({ type: 'error', message: String(error && error.stack ? error.stack : error) });
  }
});
process.send({ type: 'ready' });
