// The `site` stage: writes the site folder for the output before the smoke boot (so that a browser
// smoke boot boots the folder that will be deployed), and reports site-path; a site past GitHub
// Pages' size limit is a warning with the figure, not a failure.
import * as core from '@actions/core';
import { Outputs } from '../action/outputs.js';
import type { Inputs } from '../config/types.js';
import { writeSite, type SiteResult } from './site.js';

export async function siteStage(
  inputs: Pick<Inputs, 'site' | 'target' | 'image'>,
  output: string,
  report: { set(name: Outputs, value: string | number): void },
  warn: (message: string) => void = core.warning,
  info: (message: string) => void = core.info,
): Promise<SiteResult | undefined> {
  if (!inputs.site) return undefined;
  const site = await writeSite({ target: inputs.target, output, dir: inputs.site, title: inputs.image });
  report.set(Outputs.SitePath, site.dir);
  info(`Wrote the site ${site.dir}: ${site.files} files, ${site.bytes} bytes.`);
  if (site.warning) warn(site.warning);
  return site;
}
