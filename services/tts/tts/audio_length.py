"""How long encoded audio plays, read from its container (no decoding): the interviewer's talk time in
the speaking analytics comes from here."""

import struct

# MPEG-1/2/2.5 layer III: bit rates (kbit/s) by version group and index; sample rates by version.
_MP3_BITRATES = {
    1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
_MP3_SAMPLE_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def _skip_id3(data: bytes) -> int:
    if data[:3] != b"ID3" or len(data) < 10:
        return 0
    size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
    return 10 + size


def mp3_duration_ms(data: bytes) -> int:
    """Sum of the frames' durations (layer III: 1152 samples per frame in MPEG-1, 576 in MPEG-2/2.5)."""
    position, seconds = _skip_id3(data), 0.0
    while position + 4 <= len(data):
        header = int.from_bytes(data[position:position + 4], "big")
        version, layer = (header >> 19) & 3, (header >> 17) & 3
        bitrate_index, rate_index = (header >> 12) & 15, (header >> 10) & 3
        if header >> 21 != 0x7FF or version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
            position += 1  # not a frame header: resynchronise
            continue
        bitrate = _MP3_BITRATES[1 if version == 3 else 2][bitrate_index] * 1000
        sample_rate = _MP3_SAMPLE_RATES[version][rate_index]
        samples = 1152 if version == 3 else 576
        frame_bytes = samples // 8 * bitrate // sample_rate + ((header >> 9) & 1)
        seconds += samples / sample_rate
        position += max(frame_bytes, 1)
    return round(seconds * 1000)


def ogg_duration_ms(data: bytes) -> int:
    """The last page's granule position (samples) over the sample rate of the Vorbis identification header."""
    ident = data.find(b"\x01vorbis")
    last_page = data.rfind(b"OggS")
    if ident < 0 or last_page < 0 or last_page + 14 > len(data):
        return 0
    sample_rate = struct.unpack_from("<I", data, ident + 12)[0]
    granule = struct.unpack_from("<q", data, last_page + 6)[0]
    return round(granule * 1000 / sample_rate) if sample_rate and granule > 0 else 0


def duration_ms(format: str, data: bytes) -> int | None:
    if format == "mp3":
        return mp3_duration_ms(data)
    if format == "ogg":
        return ogg_duration_ms(data)
    return None
