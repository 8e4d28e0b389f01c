import { useEffect, useRef, useState } from 'preact/hooks';
import type { PhotoOwner, PhotoView } from '../../db/index.ts';
import { t } from '../../i18n/i18n.ts';
import type { DevicePosition } from '../../platform/geolocation.ts';
import type { LivePreview } from '../../platform/camera.ts';
import { downloadBlob } from '../../platform/file-download.ts';
import { Button } from '../../ui/Button.tsx';
import {
  captureAndStore,
  positionOf,
  type CaptureItem,
  type CaptureProgress,
  type PhotoPosition,
} from './capture-pipeline.ts';
import { isStorageFull, photoErrorText } from './photo-errors.ts';
import { usePhotoServices } from './photo-services.ts';
import './photos.css';

export interface PhotoCaptureProps {
  /** Where the photo belongs: an answer (questionId) and/or a finding (findingId). */
  owner: PhotoOwner;
  /**
   * Called for every stored photo, once its position is known (null when the user does not
   * share location or none was found). The photo is already durable when this is called.
   */
  onAdded?: (photo: PhotoView, position: PhotoPosition | null) => void;
  disabled?: boolean;
}

interface Failure {
  text: string;
  storageFull: boolean;
  pending: CaptureItem[];
}

const STAGES = ['decoding', 'resizing', 'encoding', 'saving'] as const;

const PROGRESS_TEXT = {
  decoding: 'photos.progress.decoding',
  resizing: 'photos.progress.resizing',
  encoding: 'photos.progress.encoding',
  saving: 'photos.progress.saving',
} as const;

/** The big "Foto maken" button: camera, resize on the device, store, attach to the owner. */
export function PhotoCapture({ owner, onAdded, disabled = false }: PhotoCaptureProps) {
  const services = usePhotoServices();
  const { camera, geolocator } = services;
  const [progress, setProgress] = useState<CaptureProgress>();
  const [failure, setFailure] = useState<Failure>();
  const [notice, setNotice] = useState<string>();
  const [liveOpen, setLiveOpen] = useState(false);
  const busy = useRef(false);
  const pendingRef = useRef<CaptureItem[]>([]);
  pendingRef.current = failure?.pending ?? [];

  async function store(items: CaptureItem[]) {
    // Include photos an earlier attempt could not store, oldest first.
    const all = [...pendingRef.current, ...items];
    if (busy.current || all.length === 0) return;
    busy.current = true;
    setNotice(undefined);
    setFailure(undefined);
    const sharing = geolocator.sharing();
    let device: Promise<DevicePosition | null> | undefined;
    const devicePosition = () => (device ??= geolocator.currentPosition());
    // Start finding the position now, in parallel with resizing (unless the user said no).
    if (sharing !== 'declined') void devicePosition();
    try {
      const outcome = await captureAndStore(
        all,
        owner,
        {
          process: services.process,
          photos: services.store.photos,
          readGps: sharing === 'allowed',
        },
        setProgress,
      );
      for (const { photo, item } of outcome.saved) {
        if (!onAdded || !item.processed) continue;
        const processed = item.processed;
        void positionOf(processed, devicePosition).then((position) => onAdded(photo, position));
      }
      const messages: string[] = [];
      if (outcome.saved.length === 1) messages.push(t('photos.saved.one'));
      if (outcome.saved.length > 1)
        messages.push(t('photos.saved.many', { count: outcome.saved.length }));
      if (outcome.unreadable > 0)
        messages.push(t('photos.unreadable', { count: outcome.unreadable }));
      setNotice(messages.join(' ') || undefined);
      if (outcome.error !== undefined)
        setFailure({
          text: photoErrorText(outcome.error),
          storageFull: isStorageFull(outcome.error),
          pending: outcome.pending,
        });
    } finally {
      busy.current = false;
      setProgress(undefined);
    }
  }

  async function takePhoto() {
    const files = await camera.pick();
    await store(files.map((original) => ({ original })));
  }

  function saveToDevice() {
    (failure?.pending ?? []).forEach((item, index) => {
      const image = item.processed;
      const blob = image ? new Blob([image.data], { type: image.mimeType }) : item.original;
      const extension = blob.type === 'image/webp' ? 'webp' : 'jpg';
      downloadBlob(blob, `schouw-foto-${Date.now()}-${index + 1}.${extension}`);
    });
  }

  const working = progress !== undefined;
  return (
    <div class="photo-capture">
      <div class="photo-capture-actions">
        <Button
          class="photo-capture-button"
          disabled={disabled || working}
          onClick={() => void takePhoto()}
        >
          {t('photos.take')}
        </Button>
        {camera.supportsLivePreview() && !liveOpen && (
          <Button
            variant="secondary"
            disabled={disabled || working}
            onClick={() => setLiveOpen(true)}
          >
            {t('photos.live.open')}
          </Button>
        )}
      </div>
      {liveOpen && (
        <LiveCamera
          disabled={disabled || working}
          onCapture={(blob) => void store([{ original: blob }])}
          onClose={() => setLiveOpen(false)}
        />
      )}
      <div role="status" aria-live="polite" class="photo-status">
        {progress && (
          <>
            <span>
              {t(PROGRESS_TEXT[progress.stage], { index: progress.index, total: progress.total })}
            </span>
            <progress
              max={progress.total * STAGES.length}
              value={(progress.index - 1) * STAGES.length + STAGES.indexOf(progress.stage) + 1}
            />
          </>
        )}
        {!progress && notice}
      </div>
      {failure && (
        <div class="photo-error" role="alert">
          <p>{failure.text}</p>
          {failure.pending.length > 0 && (
            <>
              <p>{t('photos.pending', { count: failure.pending.length })}</p>
              <div class="photo-capture-actions">
                <Button disabled={working} onClick={() => void store([])}>
                  {t('photos.retry')}
                </Button>
                {failure.storageFull && (
                  <Button variant="secondary" onClick={saveToDevice}>
                    {t('photos.download')}
                  </Button>
                )}
                <Button variant="secondary" onClick={() => setFailure(undefined)}>
                  {t('photos.discard')}
                </Button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function LiveCamera({
  disabled,
  onCapture,
  onClose,
}: {
  disabled: boolean;
  onCapture: (blob: Blob) => void;
  onClose: () => void;
}) {
  const { camera } = usePhotoServices();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [preview, setPreview] = useState<LivePreview>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let active: LivePreview | undefined;
    let stopped = false;
    camera.startLivePreview(video).then(
      (started) => {
        if (stopped) started.stop();
        else {
          active = started;
          setPreview(started);
        }
      },
      () => setFailed(true),
    );
    return () => {
      stopped = true;
      active?.stop();
    };
  }, [camera]);

  return (
    <div class="photo-live">
      {/* The live image has no words to caption; the capture button is labelled. */}
      <video ref={videoRef} class="photo-live-video" aria-label={t('photos.live.label')} />
      {failed && (
        <p class="photo-error" role="alert">
          {t('photos.live.unavailable')}
        </p>
      )}
      <div class="photo-capture-actions">
        <Button
          disabled={disabled || !preview}
          onClick={() => {
            if (preview) void preview.capture().then(onCapture, () => setFailed(true));
          }}
        >
          {t('photos.live.capture')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('photos.live.close')}
        </Button>
      </div>
    </div>
  );
}
