"""Minimal ctypes binding to libespeak-ng (installed with the espeak-ng Debian package).

Calling the library in-process instead of running the `espeak-ng` program saves a process start and
a voice load per sentence: ~15 ms instead of ~70 ms for a dozen words. The library keeps global
state (current voice, rate) and is not thread-safe, so `LibEspeak` must be used from one thread at
a time; `tts.espeak` gives it a dedicated one.

Constants come from espeak-ng's public header, speak_lib.h.
"""

import ctypes
import functools

LIBRARY = "libespeak-ng.so.1"

AUDIO_OUTPUT_SYNCHRONOUS = 2  # synthesize in the calling thread, hand samples to the callback
INITIALIZE_DONT_EXIT = 0x8000  # report a missing data directory instead of exit()ing the process
POSITION_CHARACTER = 1
CHARS_UTF8 = 1  # plain UTF-8 text; no SSML flag, so "<" is just a character
PARAMETER_RATE = 1
EE_OK = 0

# int callback(short *wav, int numsamples, espeak_EVENT *events); non-zero aborts synthesis.
_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class LibEspeakError(RuntimeError):
    pass


class LibEspeak:
    """16-bit mono PCM for text, at `sample_rate` (22,050 Hz for espeak-ng's voices)."""

    def __init__(self) -> None:
        self._lib = ctypes.CDLL(LIBRARY)
        self._lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
            ctypes.c_void_p, ctypes.c_void_p,
        ]
        self._lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.sample_rate = self._lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, INITIALIZE_DONT_EXIT)
        if self.sample_rate <= 0:
            raise LibEspeakError("espeak-ng could not initialise (is espeak-ng-data installed?)")
        self._chunks: list[bytes] = []
        # Kept on the instance: ctypes frees the C trampoline when the Python object dies.
        self._callback = _SYNTH_CALLBACK(self._collect)
        self._lib.espeak_SetSynthCallback(self._callback)
        self._voice: str | None = None
        self._rate_wpm: int | None = None

    def synthesize(self, text: str, voice: str, rate_wpm: int) -> bytes:
        self._use(voice, rate_wpm)
        encoded = text.encode()
        self._chunks = []
        status = self._lib.espeak_Synth(encoded, len(encoded) + 1, 0, POSITION_CHARACTER, 0, CHARS_UTF8,
                                        None, None)
        if status != EE_OK:
            raise LibEspeakError(f"espeak_Synth failed with status {status}")
        return b"".join(self._chunks)

    def _use(self, voice: str, rate_wpm: int) -> None:
        if voice != self._voice:
            if self._lib.espeak_SetVoiceByName(voice.encode()) != EE_OK:
                raise LibEspeakError(f"espeak-ng has no voice {voice!r}")
            self._voice, self._rate_wpm = voice, None  # a new voice resets the rate
        if rate_wpm != self._rate_wpm:
            self._lib.espeak_SetParameter(PARAMETER_RATE, rate_wpm, 0)
            self._rate_wpm = rate_wpm

    def _collect(self, samples, count: int, events) -> int:
        if samples and count > 0:
            self._chunks.append(ctypes.string_at(samples, count * 2))
        return 0


@functools.cache
def shared_libespeak() -> LibEspeak:
    """The one instance per process: espeak-ng's state is global anyway."""
    return LibEspeak()
