import type { Topology } from '@app/contracts';
import { publishEvent, type JetStreamClient } from '@app/messaging';
import type { DeliveryPublisher } from '../../use-cases/ports';

/** Every outcome on the DELIVERY stream, msgID = event id: a republished outcome is stored once. */
export function createDeliveryPublisher(js: JetStreamClient, names: Topology): DeliveryPublisher {
  return {
    sendResult: async (event) => void (await publishEvent(js, names.sendResultSubject, event)),
    sendRetrying: async (event) => void (await publishEvent(js, names.sendRetryingSubject, event)),
    readResult: async (event) => void (await publishEvent(js, names.readResultSubject, event)),
    mediaDownloaded: async (event) => void (await publishEvent(js, names.mediaDownloadedSubject, event)),
    mediaDownloadFailed: async (event) => void (await publishEvent(js, names.mediaDownloadFailedSubject, event)),
  };
}
