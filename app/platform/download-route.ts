/**
 * The `handle` of a route that answers with a file (an attachment, an
 * export, the JSON endpoint): the server refuses its `.data` variant, through
 * which Remix would send the file as page data without the route's download
 * headers (server/resource-routes.ts).
 */
export const DOWNLOAD_ROUTE = { download: true } as const
