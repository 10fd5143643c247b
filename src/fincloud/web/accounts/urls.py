from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from fincloud.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("home/", views.after_login, name="home"),
    path("me/", views.me, name="me"),
    path("me/tokens/", views.token_create, name="token_create"),
    path("me/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("users/", views.users, name="users"),
    path("users/invite/", views.invite, name="invite"),
    path("accept/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/accept.html", success_url=reverse_lazy("accounts:login")), name="accept"),
]
