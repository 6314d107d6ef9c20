/** The link a reader sent with a suggestion: shown whole, never followed by crawlers nor told where it came from. */
export function SuggestedLink({ url }: { url: string | null }) {
  if (!url) return null;
  return (
    <p className="break-all text-sm">
      <a href={url} rel="nofollow noopener noreferrer" className="text-blue-800 underline">
        {url}
      </a>
    </p>
  );
}
