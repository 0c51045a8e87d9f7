/**
 * The copy-paste snippet (same text as `packages/sdk/snippet.html`), with `__HOST__` and
 * `__WRITE_KEY__` to fill in. It defines `window.cairn` as a stub array whose methods push
 * `[method, ...args]`, loads `cairn.js` asynchronously and queues `init`; the script replays
 * the queue in order. A second copy on the page sees `window.cairn` and does nothing.
 */
export const SNIPPET = `<script>
!function(w,d,c,s){if(w.cairn)return;c=w.cairn=[];"init identify group track page reset consent flush on respond dismiss completeStep openChecklist".split(" ").forEach(function(m){c[m]=function(){c.push([m].concat([].slice.call(arguments)))}});s=d.createElement("script");s.async=!0;s.src="__HOST__/cairn.js";(d.head||d.documentElement).appendChild(s);c.init({writeKey:"__WRITE_KEY__"})}(window,document);
</script>
`;

/**
 * The snippet for one collector and workspace.
 *
 * @example snippet('https://cairn.example.com', 'wk_123')
 */
export const snippet = (host: string, writeKey: string): string =>
  SNIPPET.replace('__HOST__', host.replace(/["<>\\]|\/+$/g, '')).replace('__WRITE_KEY__', writeKey.replace(/[^\w-]/g, ''));
