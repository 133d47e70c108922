package org.campaignledger.query.dashboard;

import org.campaignledger.api.query.CampaignView;

/**
 * Where a campaign stands today in its own time zone: the day shown (1 to its duration), the days left,
 * and whether it has not started, is running, has ended or was closed.
 */
record CampaignDay(int day, int duration, int daysLeft, Phase phase) {

    enum Phase { NOT_STARTED, RUNNING, ENDED, CLOSED }

    static CampaignDay of(CampaignView campaign) {
        int today = campaign.dayOfCampaignToday();
        int duration = campaign.durationDays();
        Phase phase = campaign.status() == CampaignView.Status.CLOSED ? Phase.CLOSED
                : today < 1 ? Phase.NOT_STARTED : today > duration ? Phase.ENDED : Phase.RUNNING;
        int day = Math.max(1, Math.min(today, duration));
        int left = phase == Phase.RUNNING ? duration - today : phase == Phase.NOT_STARTED ? duration : 0;
        return new CampaignDay(day, duration, left, phase);
    }

    public String phaseKey() {
        return "phase." + phase.name();
    }
}
