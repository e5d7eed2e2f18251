/** The audit log. */

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly userId: number | null;
  readonly userName: string;
  readonly action: string;
  readonly outcome: 'ok' | 'denied';
  readonly entity: string;
  readonly entityId: string;
  readonly reason: string;
  readonly before: unknown;
  readonly after: unknown;
}
