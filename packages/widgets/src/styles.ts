/**
 * The widgets' CSS, adopted by their shadow root. Notes on the choices:
 * - `:host { all: initial !important }`: page selectors such as `* { … !important }` match
 *   the host element itself; in the cascade an `!important` declaration from the shadow
 *   context beats one from the page, so inherited styles cannot leak in.
 * - `font-size: medium` is the user's default size, not the page's: `rem` would follow a
 *   page that sets `html { font-size }`, so sizes inside are in `em`.
 * - Custom properties are set on `.root`, because `all` does not reset inherited ones.
 * - Animations only under `prefers-reduced-motion: no-preference`.
 */
const dark = '--bg:#1d2230;--fg:#eef0f5;--mu:#b9bfcc;--bd:#3f4759;--so:#2b3243;color-scheme:dark';

export const CSS = `:host{all:initial!important}
.root{--bg:#fff;--fg:#1b1f29;--mu:#4b5262;--bd:#d5dae3;--so:#f1f3f7;--kb:0px;color-scheme:light;font:400 medium/1.45 var(--f);color:var(--fg);text-align:start;-webkit-text-size-adjust:100%}
.root[data-mode=dark]{${dark}}
@media (prefers-color-scheme:dark){.root[data-mode=auto]{${dark}}}
*,*::before,*::after{box-sizing:border-box}
.dock{position:fixed;z-index:var(--z);bottom:calc(16px + var(--kb));right:16px;display:flex;flex-direction:column;align-items:flex-end;gap:12px;max-width:calc(100vw - 32px);max-height:calc(100vh - 32px - var(--kb));max-height:calc(100dvh - 32px - var(--kb))}
.root[data-place$=left] .dock{right:auto;left:16px;align-items:flex-start}
.root[data-place^=top] .dock{bottom:auto;top:16px;flex-direction:column-reverse}
.card{position:relative;width:23em;max-width:100%;min-height:0;overflow:auto;background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--r);box-shadow:0 10px 30px rgba(15,20,30,.2);padding:1em 1.1em;font-size:.9375em}
h2,p,ol,fieldset{margin:0;padding:0;border:0}
h2{font-size:1.1em;font-weight:650;line-height:1.3;padding-inline-end:4.5em}
.survey h2{padding-inline-end:2.5em;font-size:1em;font-weight:600}
h2:focus,.step-title:focus{outline:none}
ol{list-style:none}
:where(button,a.btn,textarea){font:inherit;color:inherit;margin:0}
button{cursor:pointer;background:none;border:0;padding:0}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.muted{color:var(--mu);font-size:.93em}
.tools{position:absolute;top:.6em;inset-inline-end:.6em;display:flex;gap:.25em}
.icon{display:inline-grid;place-items:center;width:2em;height:2em;border-radius:50%;color:var(--mu)}
.icon:hover{background:var(--so);color:var(--fg)}
.icon svg{width:1.1em;height:1.1em;stroke:currentColor;stroke-width:2;fill:none;stroke-linecap:round}
.btn{display:inline-flex;align-items:center;justify-content:center;min-height:2.25em;padding:.35em .95em;border-radius:calc(var(--r) * .6);background:var(--b);color:var(--ob);font-weight:600;text-decoration:none;border:1px solid transparent}
.btn:hover{filter:brightness(1.08)}
.ghost{background:transparent;color:var(--fg);border-color:var(--bd)}
.launcher{display:inline-flex;align-items:center;gap:.6em;min-height:2.75em;padding-block:.5em;padding-inline:.8em 1.1em;border-radius:999px;background:var(--b);color:var(--ob);font-weight:600;font-size:.9375em;box-shadow:0 6px 20px rgba(15,20,30,.25)}
.launcher.mini{padding:.5em;width:3em;height:3em;justify-content:center}
.ring{flex:none;width:1.4em;height:1.4em;border-radius:50%;background:conic-gradient(currentColor var(--p),color-mix(in srgb,currentColor 30%,transparent) 0)}
.count{font-variant-numeric:tabular-nums}
.bar{height:.4em;border-radius:1em;background:var(--so);margin:.8em 0 .4em;overflow:hidden}
.bar>span{display:block;height:100%;background:var(--b);border-radius:inherit}
.steps{display:grid;gap:.15em;margin-top:.5em}
.step{display:grid;grid-template-columns:1.5em 1fr;gap:.6em;padding:.55em 0;border-top:1px solid var(--bd)}
.step:first-child{border-top:0}
.mark{width:1.4em;height:1.4em;border-radius:50%;border:2px solid var(--bd);display:grid;place-items:center;margin-top:.05em}
.mark svg{width:.9em;height:.9em;stroke:currentColor;stroke-width:3;fill:none}
[data-done] .mark{background:var(--b);border-color:var(--b);color:var(--ob)}
.step-title{font-weight:600}
[data-done] .step-title{color:var(--mu);text-decoration:line-through}
.actions{display:flex;flex-wrap:wrap;gap:.5em;margin-top:.45em}
.celebrate{text-align:center;padding:.4em 0 .8em}
.burst{display:block;font-size:2.2em;line-height:1.2}
.celebrate p{margin-top:.2em}
.celebrate .btn{margin-top:.7em}
.scale{display:grid;gap:.3em;margin-top:.85em;direction:inherit}
.scale button{min-width:0;min-height:2.4em;border-radius:calc(var(--r) * .5);background:var(--so);border:1px solid var(--bd);font-weight:600;font-variant-numeric:tabular-nums}
.scale button:hover{border-color:var(--fg)}
.scale [aria-checked=true]{background:var(--b);color:var(--ob);border-color:var(--b)}
.ends{display:flex;justify-content:space-between;gap:1em;margin-top:.35em}
.follow{display:grid;gap:.45em;margin-top:1em}
.follow label{font-weight:600}
textarea{display:block;width:100%;min-height:4.5em;resize:vertical;padding:.5em .6em;border:1px solid var(--bd);border-radius:calc(var(--r) * .5);background:var(--bg)}
.follow .btn{justify-self:end}
.thanks{display:flex;align-items:center;justify-content:space-between;gap:1em;padding-inline-end:2.5em}
.thanks p{font-weight:600}
.thanks p:focus{outline:none}
@media (prefers-reduced-motion:no-preference){.card{animation:cairn-in .2s ease-out}.burst{animation:cairn-pop .7s ease-out}}
@keyframes cairn-in{from{opacity:0;transform:translateY(.5em)}}
@keyframes cairn-pop{0%{opacity:0;transform:scale(.3)}60%{opacity:1;transform:scale(1.2)}}
@media (max-width:480px){.root[data-place] .dock{left:0;right:0;top:auto;bottom:var(--kb);max-width:none;align-items:stretch;flex-direction:column;gap:0}
.card{width:auto;border-radius:var(--r) var(--r) 0 0;border-width:1px 0 0;padding-bottom:max(1em,env(safe-area-inset-bottom))}
.launcher{align-self:flex-end;margin:0 16px 16px}
.root[data-place$=left] .launcher{align-self:flex-start}}
@media (forced-colors:active){.btn,.launcher,.scale [aria-checked=true],[data-done] .mark{border:2px solid CanvasText}}
`;
