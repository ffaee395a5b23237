import type express from 'express';
import type { Logger } from 'pino';
import { PUBLIC_BASE_HEADER, sendJsonError } from '@edugraph/platform';

/** Open-data documents the public fetches from the gateway, and the subgraph that renders each. */
export const OPEN_DATA_DOCUMENTS: Readonly<Record<string, string>> = {
  '/open-data/programmes.jsonld': 'vocational',
};

/**
 * Serves each open-data path by asking its subgraph for the same path (subgraphs are not public).
 * The subgraph is told the base URL the caller used, so the document's links work for that caller.
 */
export function mountOpenData(app: express.Express, subgraphUrls: Record<string, string>, logger: Logger, timeoutMs: number): void {
  for (const [path, subgraph] of Object.entries(OPEN_DATA_DOCUMENTS)) {
    const target = subgraphUrls[subgraph]?.replace(/\/graphql$/, path);
    if (!target) continue;
    app.get(path, async (req, res) => {
      try {
        const answer = await fetch(target, { headers: { [PUBLIC_BASE_HEADER]: `${req.protocol}://${req.host}` }, signal: AbortSignal.timeout(timeoutMs) });
        if (!answer.ok) throw new Error(`${subgraph} answered ${answer.status}`);
        res.status(200).type(answer.headers.get('content-type') ?? 'application/ld+json').send(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        logger.warn({ err: error, path, subgraph }, 'open data: the subgraph did not answer');
        sendJsonError(res, 502, 'SUBGRAPH_UNAVAILABLE', `The ${subgraph} service cannot answer right now; try again shortly.`);
      }
    });
  }
}
