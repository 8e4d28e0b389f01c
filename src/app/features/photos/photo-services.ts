// What the photo components need from outside, in one context so their props stay simple
// (just the owner) and tests or the e2e harness can swap the camera, store or processing.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { getAppStore, type SchouwStore } from '../../db/index.ts';
import { createBrowserCamera, type Camera } from '../../platform/camera.ts';
import { browserGeolocator, type Geolocator } from '../../platform/geolocation.ts';
import {
  processPhoto,
  type ProcessedPhoto,
  type ProcessOptions,
} from '../../platform/image-processing.ts';

export interface PhotoServices {
  store: Pick<SchouwStore, 'photos' | 'answers' | 'findings'>;
  camera: Camera;
  geolocator: Geolocator;
  process: (original: Blob, options: ProcessOptions) => Promise<ProcessedPhoto>;
}

export const PhotoServicesContext = createContext<PhotoServices | undefined>(undefined);

/** Wrap the photo components in this to give them other services (tests, harness). */
export const PhotoServicesProvider = PhotoServicesContext.Provider;

let appServices: PhotoServices | undefined;

function defaultServices(): PhotoServices {
  appServices ??= {
    store: getAppStore(),
    camera: createBrowserCamera(),
    geolocator: browserGeolocator,
    process: processPhoto,
  };
  return appServices;
}

export function usePhotoServices(): PhotoServices {
  return useContext(PhotoServicesContext) ?? defaultServices();
}
