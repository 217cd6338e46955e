// Text inside the job summary's HTML (core.summary tables take HTML cells). The summary is markdown:
// a blank line ends an HTML block and what follows renders as markdown (CommonMark, HTML blocks,
// end condition 6/7: https://spec.commonmark.org/0.31.2/#html-blocks), so line breaks are written as
// character references, which the HTML parser reads back as the same whitespace.
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"\r\n]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;' })[c]!,
  );
}
