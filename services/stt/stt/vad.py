"""Voice-activity detection on 16 kHz int16 PCM, frame by frame, resumable across chunks.

Energy against an adaptive noise floor: a 20 ms frame is speech when it is loud in absolute terms and
well above the quietest frames heard so far in the utterance (the room's noise). Cheap (a few µs per
frame), deterministic, and good enough to find pauses in one speaker close to their microphone; the
end-of-utterance decision on top of it lives in `utterance.py`.
"""

from dataclasses import dataclass

import numpy as np

SAMPLE_RATE = 16_000
FRAME_MS = 20
FRAME_SAMPLES = SAMPLE_RATE * FRAME_MS // 1000
MIN_SPEECH_DBFS = -48.0  # quieter than this is never speech
ABOVE_NOISE_DB = 12.0  # speech stands this far above the noise floor
INITIAL_NOISE_FLOOR_DB = -60.0  # a quiet room, until a quieter frame says otherwise
NOISE_FLOOR_RISE_DB = 0.1  # per frame (5 dB/s): the floor follows a room that gets noisier; pauses reset it
START_FRAMES = 2  # consecutive loud frames before speech starts (a click is not speech)


def frame_dbfs(frame: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(np.square(frame.astype(np.float64))))) / 32768.0
    return 20.0 * np.log10(max(rms, 1e-9))


@dataclass
class VadState:
    frames_done: int = 0
    noise_floor_db: float = INITIAL_NOISE_FLOOR_DB
    loud_run: int = 0  # consecutive loud frames
    in_speech: bool = False


def speech_frames(state: VadState, audio: np.ndarray) -> list[tuple[int, bool]]:
    """(frame index, is speech) for every whole frame of `audio` not yet seen; advances `state`.

    `audio` is the utterance from its first sample; frames already classified are skipped.
    """
    decisions: list[tuple[int, bool]] = []
    whole_frames = len(audio) // FRAME_SAMPLES
    for index in range(state.frames_done, whole_frames):
        level = frame_dbfs(audio[index * FRAME_SAMPLES:(index + 1) * FRAME_SAMPLES])
        if level < state.noise_floor_db:
            state.noise_floor_db = level
        else:
            state.noise_floor_db += NOISE_FLOOR_RISE_DB
        loud = level > MIN_SPEECH_DBFS and level > state.noise_floor_db + ABOVE_NOISE_DB
        state.loud_run = state.loud_run + 1 if loud else 0
        if state.loud_run >= START_FRAMES:
            state.in_speech = True
        elif not loud:
            state.in_speech = False
        decisions.append((index, state.in_speech))
    state.frames_done = max(state.frames_done, whole_frames)
    return decisions
