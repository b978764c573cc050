/**
 * Collects what a parse could not map, so that each kind of problem becomes one warning with counts
 * and examples instead of thousands of lines.
 *
 * @example
 * const report = new OfacParseReport();
 * report.unknownCountry('Atlantis');
 * report.warnings(); // ['unknown country name "Atlantis" (1×): kept as written']
 */
export class OfacParseReport {
  private readonly countries = new Map<string, number>();
  private readonly regions = new Map<string, number>();
  private readonly links = new Map<string, number>();
  private readonly types = new Map<string, number>();
  private readonly addresses: string[] = [];

  unknownCountry(name: string): void {
    this.countries.set(name, (this.countries.get(name) ?? 0) + 1);
  }

  /** An address "Region:" that belongs to no one country: kept as the address's region only. */
  unknownRegion(name: string): void {
    this.regions.set(name, (this.regions.get(name) ?? 0) + 1);
  }

  unresolvedLink(name: string): void {
    this.links.set(name, (this.links.get(name) ?? 0) + 1);
  }

  unknownType(type: string): void {
    this.types.set(type, (this.types.get(type) ?? 0) + 1);
  }

  addressProblem(text: string): void {
    this.addresses.push(text);
  }

  warnings(): string[] {
    const out: string[] = [];
    for (const [name, n] of this.countries) out.push(`unknown country name "${name}" (${n}×): kept as written`);
    for (const [name, n] of this.regions) out.push(`address region "${name}" (${n}×) maps to no country: kept as the address region`);
    for (const [type, n] of this.types) out.push(`unknown SDN_Type "${type}" (${n}×): read as LegalEntity`);
    if (this.links.size > 0) {
      const total = [...this.links.values()].reduce((a, b) => a + b, 0);
      const examples = [...this.links.keys()].slice(0, 5).map((n) => `"${n}"`).join(', ');
      out.push(
        `${total} "Linked To" names (${this.links.size} distinct) match no single entry of this list; kept in notes (e.g. ${examples})`,
      );
    }
    for (const text of this.addresses) out.push(`digital currency address: ${text}`);
    return out;
  }
}
