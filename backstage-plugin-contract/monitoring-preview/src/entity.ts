import type { Entity } from '@backstage/catalog-model';

/** The annotation naming the service in platform-next's services.yaml, when it differs from the entity's name. */
export const MONITORING_SERVICE_ANNOTATION = 'monitoring.company.com/service';

export function serviceNameOf(entity: Entity): string {
  return entity.metadata.annotations?.[MONITORING_SERVICE_ANNOTATION]?.trim() || entity.metadata.name;
}

/** Where the Monitoring tab belongs: a Component of type service, or any entity with the annotation. */
export function isMonitoringPreviewAvailable(entity: Entity): boolean {
  if (entity.metadata.annotations?.[MONITORING_SERVICE_ANNOTATION]) {
    return true;
  }
  return entity.kind.toLowerCase() === 'component' && (entity.spec as { type?: unknown } | undefined)?.type === 'service';
}
