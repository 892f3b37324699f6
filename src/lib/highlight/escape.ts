/**
 * HTML escaping for file text shown in the preview: the highlighter's output
 * and the plain view before the highlighter has loaded. Its own module so the
 * page can escape without loading the highlighter.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
