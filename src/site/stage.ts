// The `site` stage: writes the site folder for the output before the smoke boot (so that a browser
// smoke boot boots the folder that will be deployed), and reports site-path; a site past GitHub
// Pages' size limit is a warning with the figure, not a failure.
import { Outputs } from '../action/outputs.js';
import type { Inputs } from '../types/inputs.js';
import type { Sink } from '../pipeline/sink.js';
import { writeSite, type SiteResult } from './site.js';

export async function siteStage(
  inputs: Pick<Inputs, 'site' | 'target' | 'image'>,
  output: string,
  sink: Sink,
): Promise<SiteResult | undefined> {
  const dir = inputs.site;
  if (!dir) return undefined;
  const site = await sink.section('Write the site', () =>
    writeSite({ target: inputs.target, output, dir, title: inputs.image }),
  );
  sink.fact(Outputs.SitePath, site.dir);
  sink.info(`Wrote the site ${site.dir}: ${site.files} files, ${site.bytes} bytes.`);
  if (site.warning) sink.warn(site.warning);
  return site;
}
