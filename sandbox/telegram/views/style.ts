/** The page's stylesheet, served from /sandbox.css (CSP `style-src 'self'`, no inline styles). Mobile first. */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2330;background:#e7ebf0}
a{color:#1a6fb5}
.banner{margin:0;background:#fff3c4;border-bottom:2px solid #e0b400;padding:.6rem 1rem;text-align:center;font-weight:600}
.wrap{max-width:980px;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
h2{font-size:1.1rem;margin:0 0 .5rem}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(20,30,60,.12);padding:1rem 1.1rem;margin-bottom:1rem}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem;margin:0}
dl.facts dt{color:#5a6478}
dl.facts dd{margin:0;word-break:break-all}
.field{margin-bottom:.75rem}
.field label{display:block;font-weight:600;margin-bottom:.2rem}
.field input{width:100%;font:inherit;padding:.5rem .65rem;border:1px solid #b9c1d0;border-radius:8px}
.field input:focus{outline:3px solid #9cc0ff;outline-offset:1px}
.row{display:grid;gap:.75rem}
@media (min-width:700px){.row{grid-template-columns:1fr 1fr 1fr}}
.hint{color:#5a6478;font-size:.875rem;margin:.2rem 0 0}
button{font:inherit;font-weight:600;padding:.55rem 1rem;border:0;border-radius:8px;background:#1a6fb3;color:#fff;cursor:pointer}
button.secondary{background:#eef1f5;color:#1d2330}
button:focus-visible{outline:3px solid #9cc0ff;outline-offset:2px}
.inline{display:flex;gap:.5rem;align-items:flex-end;flex-wrap:wrap}
.inline .field{flex:1 1 14rem;margin:0}
.chat-head{display:flex;justify-content:space-between;align-items:flex-start;gap:.5rem;flex-wrap:wrap}
.muted{color:#5a6478;font-size:.875rem}
.blocked{color:#b3261e;font-weight:600}
.messages{list-style:none;margin:.75rem 0;padding:0;display:flex;flex-direction:column;gap:.5rem}
.msg{max-width:85%;padding:.45rem .7rem;border-radius:12px;white-space:pre-wrap;word-wrap:break-word}
.msg.bot{align-self:flex-start;background:#f1f3f6}
.msg.person{align-self:flex-end;background:#d9f2c7}
.msg time{display:block;color:#6b7588;font-size:.75rem;margin-top:.2rem}
.msg pre{margin:.3rem 0;padding:.4rem;background:#e3e7ee;border-radius:6px;overflow-x:auto}
.msg code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.msg blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #2481cc}
.spoiler{background:#c9ced8;color:transparent;border-radius:4px}
.spoiler:hover{color:inherit;background:#e3e7ee}
.command{color:#1a6fb5}
.keyboard{display:grid;gap:.3rem;margin-top:.4rem}
.keyboard .kb-row{display:flex;gap:.3rem}
.keyboard a,.keyboard span{flex:1;text-align:center;background:#fff;border:1px solid #c8d3e0;border-radius:8px;padding:.3rem .5rem;text-decoration:none;font-weight:600}
.alert{border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;background:#fdecea;color:#8a1c1c}
`;
