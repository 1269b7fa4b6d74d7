/**
 * Puts text on the clipboard from the task pane. The async Clipboard API is the way, but Office's
 * webviews may refuse it: Excel on the web runs the pane in an iframe that needs the
 * "clipboard-write" permission policy, and older desktop webviews (IE mode, early WebView2
 * versions) lack it or reject the call. Then the old way still works inside a user's click: a
 * hidden textarea, selected, and document.execCommand("copy").
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permission policy, no focus): fall back below.
  }
  return copyWithTextarea(text);
}

function copyWithTextarea(text: string): boolean {
  const active = document.activeElement as HTMLElement | null;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  // On screen but unseen (an element outside the viewport may make the page scroll on focus).
  Object.assign(area.style, { position: "fixed", top: "0", left: "0", width: "1px", height: "1px", opacity: "0", pointerEvents: "none" });
  document.body.appendChild(area);
  let copied = false;
  try {
    area.focus();
    area.select();
    area.setSelectionRange(0, text.length);
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  } finally {
    area.remove();
    active?.focus();
  }
  return copied;
}
