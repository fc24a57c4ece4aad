/**
 * The hosted page's stylesheet, served from /pay/sandbox.css (CSP `style-src 'self'`, no inline
 * styles). Mobile first: one column at 375 px, a two-column layout from 900 px.
 */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;background:#f3f5f9}
a{color:#1450c8}
.banner{margin:0;background:#fff3c4;border-bottom:2px solid #e0b400;padding:.6rem 1rem;text-align:center;font-weight:600}
.wrap{max-width:1100px;margin:0 auto;padding:1rem}
.brand{display:flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.1rem;margin:.5rem 0 1rem}
.brand span{background:#087a4d;color:#fff;border-radius:6px;padding:.1rem .45rem;font-size:.85rem}
.grid{display:grid;gap:1rem}
.grid>*{min-width:0} /* let the test-card table scroll inside its card instead of widening the page */
@media (min-width:900px){.grid{grid-template-columns:minmax(0,3fr) minmax(0,2fr);align-items:start}}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(20,30,60,.12);padding:1.25rem}
h1{font-size:1.35rem;margin:0 0 .75rem}
h2{font-size:1.1rem;margin:0 0 .75rem}
dl.summary{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.summary dt{color:#5a6478}
dl.summary dd{margin:0;word-break:break-word}
.amount{font-size:1.5rem;font-weight:700}
.field{margin-bottom:.9rem}
.field label{display:block;font-weight:600;margin-bottom:.25rem}
.field input{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #b9c1d0;border-radius:8px;background:#fff}
.field input:focus{outline:3px solid #9cc0ff;outline-offset:1px;border-color:#1450c8}
.field input[aria-invalid=true]{border-color:#c62828}
.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
.hint{color:#5a6478;font-size:.875rem;margin:.2rem 0 0}
.error{color:#c62828;font-size:.9rem;margin:.25rem 0 0}
.alert{border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;background:#fdecea;color:#8a1c1c}
.ok{background:#e6f6ee;color:#0b5d3b}
button,.button{display:inline-block;width:100%;font:inherit;font-weight:700;padding:.8rem 1rem;border:0;border-radius:8px;background:#087a4d;color:#fff;cursor:pointer;text-align:center;text-decoration:none}
button:focus-visible,.button:focus-visible{outline:3px solid #9cc0ff;outline-offset:2px}
table{width:100%;border-collapse:collapse;font-size:.875rem}
th,td{text-align:left;padding:.4rem .35rem;border-bottom:1px solid #e3e7ef;vertical-align:top}
td.pan{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
@media (max-width:480px){table{font-size:.8rem}td.pan{white-space:normal}.card{padding:1rem}}
.table-scroll{overflow-x:auto}
.muted{color:#5a6478;font-size:.875rem}
`;
