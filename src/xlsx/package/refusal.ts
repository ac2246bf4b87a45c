/**
 * The package writer met a part it cannot patch safely for an operation of the plan: it refuses
 * before anything is written, naming the part (the CLI renders it via XlsxReadError 'cannot-write').
 */
export class PackageRefusal extends Error {
  constructor(
    /** The package part, e.g. "xl/worksheets/sheet1.xml". */
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = 'PackageRefusal';
  }
}
