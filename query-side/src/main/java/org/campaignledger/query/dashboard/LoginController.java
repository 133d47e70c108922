package org.campaignledger.query.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's sign-in page; Spring Security checks the form it posts ({@code POST /login}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "dashboard/login";
    }
}
