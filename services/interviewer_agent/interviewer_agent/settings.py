from runtime.settings import ServiceSettings


class InterviewerSettings(ServiceSettings):
    silence_checkin_s: float = 90.0
