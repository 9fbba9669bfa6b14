// Child process of bench-reports.ts: "pdfmake alone". It runs like the worker (the same built
// modules from dist/worker, the same node flags) but only renders: it is sent a report's data
// once, and on each request builds the finished document definition (not timed — pdfmake
// mutates a definition, so each render gets a fresh one) and times `renderPdf(definition)`.
const { join } = require('node:path');

const dist = process.argv[2];
const render = (file) => require(join(dist, 'libs', 'reporting', 'src', 'render', file));
const { renderPdf, deniedAccess } = render('pdf-engine.js');
const documents = {
  school: render('school-report.document.js').schoolReportDocument,
  region: render('region-report.document.js').regionReportDocument,
};
const data = {};

process.on('message', async (message) => {
  try {
    if (message.type === 'data') {
      data[message.kind] = message.data;
      process.send({ type: 'ok' });
    } else if (message.type === 'render') {
      const definition = documents[message.kind](data[message.kind]);
      const start = process.hrtime.bigint();
      const pdf = await renderPdf(definition);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.send({ type: 'rendered', ms, pdf: message.keep ? pdf : null, bytes: pdf.length, denied: deniedAccess.length });
    }
  } catch (error) {
    process.send({ type: 'error', message: String(error && error.stack ? error.stack : error) });
  }
});
process.send({ type: 'ready' });
