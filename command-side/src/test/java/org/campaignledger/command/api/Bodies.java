package org.campaignledger.command.api;

import java.time.LocalDate;

/** JSON bodies for the command API, written out as a client would. */
final class Bodies {

    private Bodies() {
    }

    static String campaign(String id, LocalDate start) {
        return """
                {"campaignId":"%s","name":"Chiến dịch thử","directive":"Chỉ thị 11/CT-UBND",
                 "startDate":"%s","durationDays":45,"timeZone":"Asia/Ho_Chi_Minh",
                 "targets":[{"metric":"IT_OFFICER_COVERAGE","goal":100},{"metric":"COMMUNITY_TEAMS_FORMED","goal":10}],
                 "courses":["ONETOUCH_DIGITAL_SKILLS","POPULAR_DIGITAL_EDUCATION","IHANOI"],
                 "requiredCourses":{"OFFICIAL":["ONETOUCH_DIGITAL_SKILLS","POPULAR_DIGITAL_EDUCATION"],
                                    "TEAM_MEMBER":["IHANOI"]},
                 "units":[{"code":"00004","name":"Phường Ba Đình","kind":"WARD","population":65023,
                           "longitude":105.838,"latitude":21.0386},
                          {"code":"00008","name":"Phường Ngọc Hà","kind":"WARD","population":93536},
                          {"code":"09022","name":"Xã Sóc Sơn","kind":"COMMUNE"}]}
                """.formatted(id, start);
    }

    static String occurredOn(LocalDate date) {
        return "{\"occurredOn\":\"" + date + "\"}";
    }
}
