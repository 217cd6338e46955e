// The error of the site stage: anything that stops a site from being written, classed `site` in
// the cell record and the summary (a failure of the site, not of the build it wraps).
import { ClassifiedError } from '../types/errors.js';

export class SiteError extends ClassifiedError {
  override name = 'SiteError';
  constructor(message: string) {
    super(message, 'site');
  }
}
