// The `site` stage: writes the site folder for the output before the smoke boot (so that a browser
// smoke boot boots the folder that will be deployed), and returns what it wrote; a site past GitHub
// Pages' size limit is a warning with the figure, not a failure. A failure here is the site's
// (stage `site`, class `site` in the record), whatever the file system said.
import type { Inputs } from '../types/inputs.js';
import { ClassifiedError } from '../types/errors.js';
import type { Sink } from '../pipeline/sink.js';
import { SiteError } from './error.js';
import type { SiteRoot } from './folder.js';
import { writeSite, type SiteResult } from './site.js';

export async function siteStage(
  inputs: Pick<Inputs, 'site' | 'target' | 'image'>,
  output: string,
  root: SiteRoot,
  sink: Sink,
): Promise<SiteResult | undefined> {
  const dir = inputs.site;
  if (!dir) return undefined;
  const site = await sink.section('Write the site', () =>
    asSiteFailure(writeSite({ target: inputs.target, output, dir, root, title: inputs.image })),
  );
  sink.info(
    `Wrote the site ${site.dir}: ${site.files} files, ${site.bytes} bytes (the output's ${site.outputBytes} bytes in gzip chunks).`,
  );
  if (site.warning) sink.warn(site.warning);
  return site;
}

/** `work`, its failure a SiteError unless it already carries its class (e.g. ENOSPC while copying). */
export async function asSiteFailure<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ClassifiedError) throw e;
    throw new SiteError(`Writing the site failed: ${(e as Error).message}`);
  }
}
