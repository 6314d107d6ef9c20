/**
 * A shared page's scripts start loading after its first paint (docs/decisions/058-scripts-after-first-paint.md).
 * Next writes every chunk a page needs as `<script src async>` in the head, so the browser fetches
 * and compiles them while it lays out the page for the first time; on a phone, or on two cores,
 * that compile competes with the first layout and the first paint waits. The kept HTML of an
 * anonymous page (the in-app cache and the front's copy) has those tags replaced by one inline
 * script at the end of the body that adds them back after the first frame. The page is the
 * server's complete HTML meanwhile: links and forms work as they do without JavaScript.
 *
 * Pure and free of Next's server modules: proxy.ts uses it, bundled apart from the app.
 */

// The tags React's renderer writes for Next's chunks, in the order of its attributes (src, async,
// nonce): a page written otherwise is left as it is and loads its scripts the usual way.
const CHUNK_SCRIPT = /<script src="(\/_next\/static\/chunks\/[A-Za-z0-9._~-]+\.js)" async="" nonce="([A-Za-z0-9+/=]+)"><\/script>/g;

/** The page with its chunk scripts loaded after the first paint; unchanged when it has none or no `</body>`. */
export function scriptsAfterFirstPaint(html: string): string {
  const sources: string[] = [];
  const nonces = new Set<string>();
  const stripped = html.replace(CHUNK_SCRIPT, (_tag, src: string, nonce: string) => {
    sources.push(src);
    nonces.add(nonce);
    return "";
  });
  const bodyEnd = stripped.lastIndexOf("</body>");
  if (sources.length === 0 || nonces.size !== 1 || bodyEnd < 0) return html;
  const [nonce] = nonces;
  // A hidden tab draws no frame (requestAnimationFrame waits for it to be shown): load at once there.
  // The scripts are added by a script the CSP trusts by its nonce, which 'strict-dynamic' extends to them.
  const loader =
    `<script nonce="${nonce}">(function(s){var d=0;function l(){if(d)return;d=1;s.forEach(function(u){var e=document.createElement("script");` +
    `e.src=u;e.async=true;document.head.appendChild(e)})}document.visibilityState==="hidden"?l():requestAnimationFrame(function(){setTimeout(l,0)})})` +
    `(${JSON.stringify(sources)})</script>`;
  return stripped.slice(0, bodyEnd) + loader + stripped.slice(bodyEnd);
}
