// Errors every stage may throw and every front end reads. A leaf: it imports nothing of the project.

/** An error that knows its failure class and the line that showed it (e.g. a failed smoke boot). */
export class ClassifiedError extends Error {
  override name = 'ClassifiedError';
  constructor(
    message: string,
    readonly failureClass: string,
    readonly line?: string,
  ) {
    super(message);
  }
}
