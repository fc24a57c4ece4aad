/** Stylesheet of the receipts page, served from /sandbox.css (CSP `style-src 'self'`, no inline styles). */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;background:#eef1f6}
a{color:#1450c8}
.banner{margin:0;background:#fff3c4;border-bottom:2px solid #e0b400;padding:.6rem 1rem;text-align:center;font-weight:600}
.wrap{max-width:1200px;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
.muted{color:#5a6478;font-size:.875rem}
.receipts{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,360px),1fr));align-items:start;padding:0;margin:0;list-style:none}
.receipt{background:#fff;border-radius:4px;box-shadow:0 1px 4px rgba(20,30,60,.18);padding:1rem 1.1rem;font:14px/1.45 ui-monospace,Menlo,Consolas,"Liberation Mono",monospace}
.receipt h2{font-size:1rem;text-align:center;text-transform:uppercase;margin:0}
.receipt .kind{text-align:center;font-weight:700;margin:0 0 .5rem}
.receipt .company{text-align:center;margin:0 0 .5rem}
.receipt hr{border:0;border-top:1px dashed #9aa3b5;margin:.6rem 0}
.receipt dl{display:grid;grid-template-columns:auto 1fr;gap:0 .75rem;margin:0}
.receipt dt{color:#4a5468}
.receipt dd{margin:0;text-align:right;word-break:break-word}
.receipt ol{margin:0;padding:0;list-style:none}
.receipt li.item{margin:0 0 .6rem}
.receipt .item-name{font-weight:700}
.receipt .calc{display:flex;justify-content:space-between;gap:.5rem}
.receipt .total{display:flex;justify-content:space-between;font-size:1.1rem;font-weight:700}
.state{display:inline-block;border-radius:4px;padding:.05rem .45rem;font-weight:700;font-family:system-ui,sans-serif;font-size:.8rem}
.state-wait{background:#e8eefc;color:#1d3f91}
.state-done{background:#e6f6ee;color:#0b5d3b}
.state-fail{background:#fdecea;color:#8a1c1c}
.error{color:#8a1c1c}
.head{display:flex;justify-content:space-between;align-items:center;gap:.5rem;margin:0 0 .6rem;font-family:system-ui,sans-serif;font-size:.8rem}
`;
