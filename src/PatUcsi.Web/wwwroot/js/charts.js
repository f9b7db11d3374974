// Charts drawn from the JSON next to each canvas (no inline script: the page's CSP allows none). Each chart repeats
// what a table beside it already says, so without this script, or for a screen reader, nothing is lost.
(() => {
  if (!window.Chart) return;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  Chart.defaults.locale = 'es-MX';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#222';
  if (reduced) Chart.defaults.animation = false;
  const number = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 });

  // A dashed vertical line over the period of the figures' date, labelled as the page says (today, or the cut-off).
  const today = {
    id: 'today',
    afterDatasetsDraw(chart, _, options) {
      if (options.index === null || options.index === undefined) return;
      const x = chart.scales.x.getPixelForValue(options.index);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = options.color;
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.fillStyle = options.color;
      ctx.textAlign = 'center';
      ctx.fillText(options.label, x, top + 10);
      ctx.restore();
    },
  };

  const kinds = {
    bars: (data) => ({
      type: 'bar',
      data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: data.colors }] },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    units: (data) => ({
      type: 'bar',
      data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: data.colors }] },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => `${number.format(c.parsed.x)} %` } } },
        scales: { x: { beginAtZero: true, suggestedMax: 100, ticks: { callback: (v) => `${v} %` } } },
      },
    }),
    series: (data) => ({
      type: 'line',
      data: {
        labels: data.labels,
        datasets: [
          { label: 'Programada', data: data.programmed, borderColor: data.colors.programmed, backgroundColor: data.colors.programmed, borderDash: [6, 4], pointStyle: 'rect', spanGaps: true },
          { label: 'Alcanzada', data: data.achieved, borderColor: data.colors.achieved, backgroundColor: data.colors.achieved, borderWidth: 3, pointRadius: 4 },
        ],
      },
      options: {
        plugins: {
          today: { index: data.today, label: data.todayLabel, color: data.colors.cut },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${number.format(c.parsed.y)}${data.percent ? ' %' : ''}` } },
        },
        scales: { y: { beginAtZero: true, title: { display: !!data.unit, text: data.unit } } },
      },
      plugins: [today],
    }),
  };

  document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.source);
    const kind = kinds[canvas.dataset.chart];
    if (!source || !kind) return;
    const config = kind(JSON.parse(source.textContent));
    config.options.maintainAspectRatio = false;
    new Chart(canvas, config);
  });
})();
